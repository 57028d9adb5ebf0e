package io.augment.adapter.out.openaitrainer;

import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.adaptation.FineTuneStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The models {@link OpenAiFineTuner} made, from the state files of its succeeded jobs: each an
 * {@link Adapter} under the request's name, 0 bytes (the artifact lives remotely), with what
 * training cost as the remote reported it. {@link #remoteModel} gives the remote's
 * {@code fine_tuned_model}, which chat requests to the same remote address.
 * {@link #delete} asks the remote to delete the model (a remote that cannot, 404/405/501, is no
 * error; one that cannot be reached leaves everything as it was) and then forgets it.
 */
public final class RemoteTrainedModels implements AdapterCatalog {
  private final StateStore store;
  private final TrainerApi api;

  public RemoteTrainedModels(OpenAiTrainerConfig config) {
    this(new StateStore(config.stateDir()), new TrainerApi(new TrainerHttp(config)));
  }

  RemoteTrainedModels(StateStore store, TrainerApi api) {
    this.store = store;
    this.api = api;
  }

  /** By name. */
  @Override
  public List<Adapter> adapters() {
    return made().stream().map(RemoteTrainedModels::adapter).sorted(Comparator.comparing(Adapter::name)).toList();
  }

  @Override
  public Optional<Adapter> find(String name) {
    return newest(name).map(RemoteTrainedModels::adapter);
  }

  /** The remote's id of the model named {@code name} (its {@code fine_tuned_model}), if this trainer made it. */
  public Optional<String> remoteModel(String name) {
    return newest(name).map(JobState::fineTunedModel);
  }

  @Override
  public boolean delete(String name) {
    List<JobState> named = made().stream().filter(s -> s.name().equals(name)).toList();
    for (JobState state : named) {
      api.deleteModel(state.fineTunedModel());
      store.delete(state.jobId());
    }
    return !named.isEmpty();
  }

  private Optional<JobState> newest(String name) {
    return made().stream().filter(s -> s.name().equals(name)).max(Comparator.comparingLong(JobState::createdAt));
  }

  private List<JobState> made() {
    return store.all().stream()
        .filter(s -> s.status() == FineTuneStatus.SUCCEEDED && s.fineTunedModel() != null).toList();
  }

  private static Adapter adapter(JobState state) {
    return new Adapter(state.name(), state.baseModel(), state.method(), 0, state.cost());
  }
}
