package dev.facegate.index.control;

import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexUnavailableException;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.InvalidFaceException;
import dev.facegate.index.entity.TagFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Embedded face index: Lucene HNSW over {@link KnnFloatVectorField} with cosine similarity, the
 * algorithm Elasticsearch uses.
 *
 * <p>Layout: {@code <directory>/<model>-v<version>/gen-<n>/} holds one Lucene index; the file
 * {@code CURRENT} next to it names the live generation. A rebuild writes generation n+1, commits
 * it, then replaces {@code CURRENT} with an atomic move, so a crash leaves the old content.
 *
 * <p>Invariants: one {@link IndexWriter} per generation (Lucene's directory lock keeps a second
 * process out); every write is committed (durable) and the {@link SearcherManager} refreshed
 * (visible) before the method returns; searches take no lock.
 */
public final class LuceneFaceIndex implements FaceIndexBackend {

  private static final Logger LOG = Logger.getLogger(LuceneFaceIndex.class.getName());
  private static final String TEMPLATE_ID = "template_id";
  private static final String PERSON_ID = "person_id";
  private static final String MODEL = "model";
  private static final String VECTOR = "vector";
  private static final String TAG = "tag.";
  private static final String CURRENT = "CURRENT";
  private static final Set<String> STORED = Set.of(TEMPLATE_ID, PERSON_ID);
  private static final double RAM_BUFFER_MB = 128;

  private final LuceneSettings settings;
  private final Path modelDirectory;
  // read: ordinary writes (many at once); write: a rebuild. Searches take no lock.
  private final ReadWriteLock rebuildLock = new ReentrantReadWriteLock();
  private volatile Generation live;

  /** An open Lucene index of one generation. */
  private record Generation(
      int number, Directory directory, IndexWriter writer, SearcherManager searchers) {

    static Generation open(Path folder, int number) throws IOException {
      Directory directory = FSDirectory.open(folder);
      IndexWriter writer = null;
      try {
        writer =
            new IndexWriter(
                directory,
                new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // one segment for a rebuild of ~100k 128-D vectors: fewer graphs to search
                    .setRAMBufferSizeMB(RAM_BUFFER_MB));
        // an empty commit makes a fresh generation openable by readers and after restarts
        writer.commit();
        return new Generation(number, directory, writer, new SearcherManager(writer, null));
      } catch (IOException | RuntimeException e) {
        if (writer != null) {
          writer.rollback();
        }
        directory.close();
        throw e;
      }
    }

    void close() throws IOException {
      try (directory;
          writer;
          searchers) {
        // closes searchers, then the writer (commits nothing new), then the directory
      }
    }

    void rollback() {
      try (directory;
          searchers) {
        writer.rollback();
      } catch (IOException e) {
        LOG.warning(() -> "rolling back generation " + number + ": " + e);
      }
    }
  }

  private LuceneFaceIndex(LuceneSettings settings) {
    this.settings = settings;
    this.modelDirectory = settings.directory().resolve(settings.model().slug());
  }

  /**
   * Opens (or creates) the index of the configured model under the configured directory.
   *
   * @throws IndexUnavailableException if the folder cannot be used or another process holds it
   */
  public static LuceneFaceIndex open(LuceneSettings settings) {
    LuceneFaceIndex index = new LuceneFaceIndex(settings);
    try {
      Files.createDirectories(index.modelDirectory);
      int number = index.currentGeneration();
      index.live = Generation.open(index.generationFolder(number), number);
      index.deleteGenerationsExcept(number);
      return index;
    } catch (LockObtainFailedException e) {
      throw new IndexUnavailableException(
          "the index folder " + index.modelDirectory + " is in use by another index", e);
    } catch (IOException e) {
      throw new IndexUnavailableException("cannot open the index in " + index.modelDirectory, e);
    }
  }

  @Override
  public FaceModel model() {
    return settings.model();
  }

  @Override
  public void upsert(Collection<IndexedFace> faces) {
    List<IndexedFace> checked = Checks.faces(faces, settings.model());
    if (checked.isEmpty()) {
      return;
    }
    List<Document> documents = checked.stream().map(LuceneFaceIndex::document).toList();
    write(
        "index " + checked.size() + " faces",
        writer -> {
          for (int i = 0; i < checked.size(); i++) {
            writer.updateDocument(
                new Term(TEMPLATE_ID, checked.get(i).templateId()), documents.get(i));
          }
          return null;
        });
  }

  @Override
  public boolean deleteTemplate(String templateId) {
    Checks.id(templateId, "template id");
    return write(
            "delete template " + templateId,
            writer -> {
              long present = countMatching(new TermQuery(new Term(TEMPLATE_ID, templateId)));
              writer.deleteDocuments(new Term(TEMPLATE_ID, templateId));
              return present;
            })
        > 0;
  }

  @Override
  public long deletePerson(String personId) {
    Checks.id(personId, "person id");
    return write(
        "delete templates of " + personId,
        writer -> {
          long present = countMatching(new TermQuery(new Term(PERSON_ID, personId)));
          writer.deleteDocuments(new Term(PERSON_ID, personId));
          return present;
        });
  }

  private long countMatching(Query query) throws IOException {
    // the searcher is current: every write refreshes it before returning
    IndexSearcher searcher = live.searchers().acquire();
    try {
      return searcher.count(query);
    } finally {
      live.searchers().release(searcher);
    }
  }

  @Override
  public List<FaceMatch> nearest(FaceModel model, float[] vector, int k, TagFilter filter) {
    float[] query = Checks.query(model, vector, k, filter, settings.model());
    Query knn =
        new KnnFloatVectorQuery(
            VECTOR, query, Math.max(k, settings.numCandidates()), tagQuery(filter));
    return search(
        searcher -> {
          TopDocs top = searcher.search(knn, k);
          StoredFields stored = searcher.storedFields();
          List<FaceMatch> matches = new ArrayList<>(top.scoreDocs.length);
          for (ScoreDoc hit : top.scoreDocs) {
            Document document = stored.document(hit.doc, STORED);
            // Lucene's cosine score is (1 + cos) / 2
            matches.add(
                new FaceMatch(
                    document.get(TEMPLATE_ID), document.get(PERSON_ID), 2.0 * hit.score - 1));
          }
          return matches;
        });
  }

  private static Query tagQuery(TagFilter filter) {
    if (filter.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    filter
        .tags()
        .forEach(
            (key, value) ->
                all.add(new TermQuery(new Term(TAG + key, value)), BooleanClause.Occur.FILTER));
    return all.build();
  }

  @Override
  public long count() {
    return search(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  @Override
  public long rebuild(Stream<IndexedFace> source) {
    if (source == null) {
      throw new InvalidFaceException("source is required");
    }
    rebuildLock.writeLock().lock();
    try {
      Generation old = live;
      int number = old.number() + 1;
      Path folder = generationFolder(number);
      deleteFolder(folder);
      Generation next = Generation.open(folder, number);
      long indexed = 0;
      try {
        Iterator<IndexedFace> faces = source.iterator();
        while (faces.hasNext()) {
          IndexedFace face = Checks.face(faces.next(), settings.model());
          next.writer().updateDocument(new Term(TEMPLATE_ID, face.templateId()), document(face));
          indexed++;
        }
        next.writer().commit();
        next.searchers().maybeRefreshBlocking();
        writeCurrent(number);
      } catch (IOException | RuntimeException e) {
        next.rollback();
        deleteFolder(folder);
        if (e instanceof IOException io) {
          throw new IndexUnavailableException("rebuild failed in " + folder, io);
        }
        throw e;
      }
      live = next;
      // searches that still hold a searcher of the old generation finish on it; new ones retry
      try {
        old.close();
      } finally {
        deleteFolder(generationFolder(old.number()));
      }
      return indexed;
    } catch (IOException e) {
      throw new IndexUnavailableException("rebuild failed in " + modelDirectory, e);
    } finally {
      rebuildLock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    rebuildLock.writeLock().lock();
    try {
      Generation generation = live;
      if (generation != null) {
        generation.close();
      }
    } catch (IOException e) {
      LOG.warning(() -> "closing the index in " + modelDirectory + ": " + e);
    } finally {
      rebuildLock.writeLock().unlock();
    }
  }

  private static Document document(IndexedFace face) {
    Document document = new Document();
    document.add(new StringField(TEMPLATE_ID, face.templateId(), Field.Store.YES));
    document.add(new StringField(PERSON_ID, face.personId(), Field.Store.YES));
    document.add(new StringField(MODEL, face.model().key(), Field.Store.YES));
    face.tags()
        .forEach((key, value) -> document.add(new StringField(TAG + key, value, Field.Store.NO)));
    document.add(new KnnFloatVectorField(VECTOR, face.vector(), VectorSimilarityFunction.COSINE));
    return document;
  }

  @FunctionalInterface
  private interface WriterWork<T> {
    T run(IndexWriter writer) throws IOException;
  }

  @FunctionalInterface
  private interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private <T> T write(String what, WriterWork<T> work) {
    rebuildLock.readLock().lock();
    try {
      Generation generation = live;
      T result = work.run(generation.writer());
      generation.writer().commit();
      generation.searchers().maybeRefreshBlocking();
      return result;
    } catch (IOException e) {
      throw new IndexUnavailableException("cannot " + what + " in " + modelDirectory, e);
    } finally {
      rebuildLock.readLock().unlock();
    }
  }

  private <T> T search(SearcherWork<T> work) {
    // a rebuild may close the generation between reading `live` and acquiring: retry on the new one
    for (int attempt = 0; ; attempt++) {
      Generation generation = live;
      IndexSearcher searcher;
      try {
        searcher = generation.searchers().acquire();
      } catch (AlreadyClosedException e) {
        if (attempt < 3 && live != generation) {
          continue;
        }
        throw new IndexUnavailableException("the index in " + modelDirectory + " is closed", e);
      } catch (IOException e) {
        throw new IndexUnavailableException("cannot search the index in " + modelDirectory, e);
      }
      try {
        return work.run(searcher);
      } catch (IOException e) {
        throw new IndexUnavailableException("cannot search the index in " + modelDirectory, e);
      } finally {
        try {
          generation.searchers().release(searcher);
        } catch (IOException e) {
          LOG.fine(() -> "releasing a searcher: " + e);
        }
      }
    }
  }

  private Path generationFolder(int number) {
    return modelDirectory.resolve("gen-" + number);
  }

  private int currentGeneration() throws IOException {
    Path current = modelDirectory.resolve(CURRENT);
    if (!Files.exists(current)) {
      writeCurrent(0);
      return 0;
    }
    String text = Files.readString(current, StandardCharsets.UTF_8).trim();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IOException(current + " is corrupt: '" + text + "'", e);
    }
  }

  private void writeCurrent(int number) throws IOException {
    Path temp = modelDirectory.resolve(CURRENT + ".tmp");
    Files.writeString(temp, Integer.toString(number), StandardCharsets.UTF_8);
    try {
      Files.move(
          temp,
          modelDirectory.resolve(CURRENT),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, modelDirectory.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void deleteGenerationsExcept(int keep) throws IOException {
    try (Stream<Path> folders = Files.list(modelDirectory)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        if (folder.getFileName().toString().startsWith("gen-")
            && !folder.equals(generationFolder(keep))) {
          deleteFolder(folder);
        }
      }
    }
  }

  private static void deleteFolder(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warning(() -> "could not delete " + folder + ": " + e);
    }
  }
}
