package dev.facegate.faces.entity;

import java.io.Serializable;

/**
 * Which engine answered: the cheap call a portal uses to see that an inference node is there (its
 * readiness), and that the node embeds with the model the portal's index holds.
 *
 * @param node the answering server's node name ({@code jboss.node.name})
 * @param modelId the embedding model's id
 * @param modelVersion the embedding model's version
 */
public record EngineIdentity(String node, String modelId, String modelVersion)
    implements Serializable {}
