package io.augment.domain.adaptation;

import java.util.List;
import java.util.Optional;

/**
 * Stores uploaded training files with their content.
 *
 * <p>Contract (TrainingFileRepositoryContract): {@link #save} is durable when it returns and
 * stores the content byte for byte; {@link #content} returns exactly those bytes. {@link #list} is
 * newest first. {@link #delete} removes record and content and returns false when there was none.
 */
public interface TrainingFileRepository {
  void save(TrainingFile file, byte[] content);

  Optional<TrainingFile> find(String id);

  Optional<byte[]> content(String id);

  List<TrainingFile> list();

  boolean delete(String id);
}
