/**
 * The face index: 1:N lookup of face templates by cosine similarity.
 *
 * <p>The relational database is the source of truth; the index is derived and can always be
 * rebuilt. Other components call {@link dev.facegate.index.boundary.FaceIndex} only. Two
 * implementations stand behind it: Elasticsearch {@code dense_vector} kNN when a URL is configured,
 * otherwise an embedded Lucene HNSW index in the server's data folder.
 */
package dev.facegate.index;
