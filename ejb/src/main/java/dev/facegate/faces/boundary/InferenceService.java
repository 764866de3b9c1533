package dev.facegate.faces.boundary;

import dev.facegate.faces.entity.EngineIdentity;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The remote face engine of an inference node: {@link FaceAnalysisRemote} over this node's {@link
 * FaceAnalysis}, so the work, its bound and its stage metrics happen here. Only the portal nodes'
 * application user (role {@link Roles#INFERENCE}) may call it: a photo is biometric data, and the
 * engine is the most expensive thing a node has.
 *
 * <p>Stateless, so the EJB client balances calls over the inference nodes of a cluster; no
 * transaction (analysis writes nothing, and a portal's transaction must not be carried over).
 */
@Stateless
@Remote(FaceAnalysisRemote.class)
@RolesAllowed(Roles.INFERENCE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InferenceService implements FaceAnalysisRemote {

  @Inject FaceAnalysis engine;

  @Override
  public PhotoAnalysis analyse(byte[] photo, int maxFaces) {
    return engine.analyse(photo, maxFaces);
  }

  @Override
  public PhotoAnalysis analyseWithThumbnail(byte[] photo) {
    return engine.analyseWithThumbnail(photo);
  }

  @Override
  public List<PhotoAnalysis> analyseAll(List<byte[]> photos, int maxFaces) {
    return engine.analyseAll(photos, maxFaces);
  }

  @Override
  public EngineIdentity identity() {
    return engine.identity();
  }
}
