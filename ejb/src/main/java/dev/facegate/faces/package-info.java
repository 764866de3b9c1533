/**
 * Faces: the shared face-analysis component. It owns the face networks (loaded once per server) and
 * turns an uploaded photo or camera frame into faces with boxes, landmarks, quality and embeddings.
 * Enrolment and recognition both analyse photos only through {@link
 * dev.facegate.faces.boundary.FaceAnalysis}; nobody else touches DJL.
 */
package dev.facegate.faces;
