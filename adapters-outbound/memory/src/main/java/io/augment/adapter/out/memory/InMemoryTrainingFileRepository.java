package io.augment.adapter.out.memory;

import io.augment.domain.adaptation.TrainingFile;
import io.augment.domain.adaptation.TrainingFileRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Training files and their content on the heap, lost on restart. Thread-safe; content is copied in
 * and out, so no caller can change what is stored.
 */
public final class InMemoryTrainingFileRepository implements TrainingFileRepository {

  private record Stored(TrainingFile file, byte[] content) {}

  private static final Comparator<TrainingFile> NEWEST_FIRST =
      Comparator.comparing(TrainingFile::createdAt).reversed().thenComparing(TrainingFile::id);

  private final Map<String, Stored> files = new ConcurrentHashMap<>();

  @Override
  public void save(TrainingFile file, byte[] content) {
    files.put(file.id(), new Stored(file, content.clone()));
  }

  @Override
  public Optional<TrainingFile> find(String id) {
    return Optional.ofNullable(files.get(id)).map(Stored::file);
  }

  @Override
  public Optional<byte[]> content(String id) {
    return Optional.ofNullable(files.get(id)).map(s -> s.content().clone());
  }

  @Override
  public List<TrainingFile> list() {
    return files.values().stream().map(Stored::file).sorted(NEWEST_FIRST).toList();
  }

  @Override
  public boolean delete(String id) {
    return files.remove(id) != null;
  }
}
