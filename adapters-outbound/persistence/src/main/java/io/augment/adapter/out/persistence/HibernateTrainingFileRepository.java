package io.augment.adapter.out.persistence;

import io.augment.domain.adaptation.TrainingFile;
import io.augment.domain.adaptation.TrainingFileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;

/**
 * Training files in SQL through Hibernate ORM: the record in {@code training_file}, the bytes in
 * {@code training_file_content} ({@code bytea}); every method is one transaction, so a file and its
 * content are saved and deleted together. A filename over 1,000 characters is refused.
 */
@ApplicationScoped
@Typed(HibernateTrainingFileRepository.class) // bootstrap picks the port's implementation from configuration
@ActivateRequestContext // Hibernate asks the tenant resolver only with a request context (background jobs have none)
@Transactional
public class HibernateTrainingFileRepository implements TrainingFileRepository {

  private final EntityManager entityManager;

  @Inject
  HibernateTrainingFileRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void save(TrainingFile file, byte[] content) {
    entityManager.merge(TrainingFileEntity.from(file));
    entityManager.createQuery("delete from TrainingFileContentEntity where fileId = :id")
        .setParameter("id", file.id())
        .executeUpdate();
    entityManager.persist(TrainingFileContentEntity.of(file.id(), content));
  }

  @Override
  public Optional<TrainingFile> find(String id) {
    return Optional.ofNullable(entityManager.find(TrainingFileEntity.class, id)).map(TrainingFileEntity::toDomain);
  }

  @Override
  public Optional<byte[]> content(String id) {
    return entityManager
        .createQuery("select c.content from TrainingFileContentEntity c where c.fileId = :id", byte[].class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<TrainingFile> list() {
    return entityManager.createQuery("from TrainingFileEntity order by createdAt desc, id", TrainingFileEntity.class)
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .getResultStream()
        .map(TrainingFileEntity::toDomain)
        .toList();
  }

  @Override
  public boolean delete(String id) {
    entityManager.createQuery("delete from TrainingFileContentEntity where fileId = :id")
        .setParameter("id", id)
        .executeUpdate();
    return entityManager.createQuery("delete from TrainingFileEntity where id = :id")
        .setParameter("id", id)
        .executeUpdate() > 0;
  }
}
