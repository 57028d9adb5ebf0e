package io.augment.adapter.out.memory;

import static io.augment.domain.adaptation.FineTuneFixtures.CREATED_AT;
import static io.augment.domain.adaptation.FineTuneFixtures.events;
import static io.augment.domain.adaptation.FineTuneFixtures.loraSpec;
import static io.augment.domain.adaptation.FineTuneFixtures.queued;
import static org.assertj.core.api.Assertions.assertThat;

import io.augment.domain.adaptation.FineTuneEvent;
import io.augment.domain.adaptation.FineTuneJobRepository;
import io.augment.domain.adaptation.FineTuneJobRepositoryContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryFineTuneJobRepositoryTest extends FineTuneJobRepositoryContract {

  private final FineTuneJobRepository repository = new InMemoryFineTuneJobRepository();

  @Override
  protected FineTuneJobRepository repository() {
    return repository;
  }

  @Test
  void keepsOnlyTheNewestTenThousandEventsOfAJob() {
    repository.save(queued("ftjob-long", loraSpec(), CREATED_AT));
    repository.append("ftjob-long", events(1, 9_000));

    repository.append("ftjob-long", events(9_001, 10_003));

    List<FineTuneEvent> oldest = repository.events("ftjob-long", 0, 2);
    assertThat(oldest).extracting(FineTuneEvent::seq).containsExactly(4L, 5L);
    assertThat(repository.latestEvents("ftjob-long", null, 1)).extracting(FineTuneEvent::seq).containsExactly(10_003L);
  }
}
