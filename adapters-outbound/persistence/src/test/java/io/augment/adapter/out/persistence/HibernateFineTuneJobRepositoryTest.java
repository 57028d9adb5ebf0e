package io.augment.adapter.out.persistence;

import static io.augment.domain.adaptation.FineTuneFixtures.CREATED_AT;
import static io.augment.domain.adaptation.FineTuneFixtures.event;
import static io.augment.domain.adaptation.FineTuneFixtures.events;
import static io.augment.domain.adaptation.FineTuneFixtures.failed;
import static io.augment.domain.adaptation.FineTuneFixtures.loraSpec;
import static io.augment.domain.adaptation.FineTuneFixtures.queued;
import static io.augment.domain.adaptation.FineTuneFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augment.domain.adaptation.FineTuneEvent;
import io.augment.domain.adaptation.FineTuneJobRepository;
import io.augment.domain.adaptation.FineTuneJobRepositoryContract;
import io.augment.domain.adaptation.FineTuneSpec;
import io.augment.domain.adaptation.FineTuningJob;
import io.augment.domain.model.InvalidInputException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract on H2, with the schema Flyway builds and Hibernate validates; plus this store's bounds. */
@QuarkusTest
class HibernateFineTuneJobRepositoryTest extends FineTuneJobRepositoryContract {

  @Inject
  HibernateFineTuneJobRepository repository;

  @Override
  protected FineTuneJobRepository repository() {
    return repository;
  }

  @Test
  void keepsOnlyTheNewestTenThousandEventsOfAJobAndLeavesOtherJobsAlone() {
    String id = uniqueId("ftjob");
    String other = uniqueId("ftjob");
    repository.save(queued(id, loraSpec(), CREATED_AT));
    repository.save(queued(other, loraSpec(), CREATED_AT));
    repository.append(other, events(1, 2));
    repository.append(id, events(1, 9_000));

    repository.append(id, events(9_001, 10_003));

    assertThat(repository.events(id, 0, 2)).extracting(FineTuneEvent::seq).containsExactly(4L, 5L);
    assertThat(repository.latestEvents(id, null, 1)).extracting(FineTuneEvent::seq).containsExactly(10_003L);
    assertThat(repository.events(id, 0, 20_000)).hasSize(HibernateFineTuneJobRepository.EVENTS_KEPT);
    assertThat(repository.events(other, 0, 10)).hasSize(2);
  }

  @Test
  void cutsLongMessagesAndErrorsToTheirColumnsWithoutSplittingACharacter() {
    String id = uniqueId("ftjob");
    FineTuningJob job = failed(id, loraSpec());
    String error = "e".repeat(FineTuneJobEntity.MAX_ERROR - 1) + "🚫 and more";
    repository.save(job.with(job.status(), job.progress(), null, error, job.finishedAt()));
    String message = "m".repeat(FineTuneEventEntity.MAX_MESSAGE - 1) + "🚫";

    repository.append(id, List.of(event(1, message)));

    assertThat(repository.find(id).orElseThrow().error()).isEqualTo("e".repeat(FineTuneJobEntity.MAX_ERROR - 1));
    assertThat(repository.events(id, 0, 1)).extracting(FineTuneEvent::message)
        .containsExactly("m".repeat(FineTuneEventEntity.MAX_MESSAGE - 1));
  }

  @Test
  void refusesANameLongerThanItsColumnAndStoresNothing() {
    String id = uniqueId("ftjob");
    FineTuneSpec spec = loraSpec();
    FineTuneSpec longName = new FineTuneSpec("n".repeat(201), spec.baseModel(), spec.method(), spec.lora(),
        spec.training(), spec.source(), spec.validationSource(), spec.examples(), spec.validationExamples());

    assertThatThrownBy(() -> repository.save(queued(id, longName, CREATED_AT)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThat(repository.find(id)).isEmpty();
  }
}
