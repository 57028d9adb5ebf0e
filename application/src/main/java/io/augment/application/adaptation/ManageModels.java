package io.augment.application.adaptation;

import io.augment.domain.adaptation.Adapter;
import io.augment.domain.adaptation.AdapterCatalog;
import io.augment.domain.model.NotFoundException;
import java.util.List;
import java.util.Optional;

/** The models and adapters a tenant's trainer made, served for generation as {@code adapter:<name>}. */
public final class ManageModels {
  /** The prefix that addresses a trained model or adapter in generation requests. */
  public static final String PREFIX = "adapter:";

  private final AdapterCatalog catalog;

  public ManageModels(AdapterCatalog catalog) {
    this.catalog = catalog;
  }

  public List<Adapter> list() {
    return catalog.adapters();
  }

  public Optional<Adapter> find(String name) {
    return catalog.find(name);
  }

  public Adapter get(String name) {
    return find(name).orElseThrow(() -> new NotFoundException("model or adapter", name));
  }

  /** Deletes a model or adapter; refuses a model adapters are built on. */
  public void delete(String name) {
    if (!catalog.delete(name)) {
      throw new NotFoundException("model or adapter", name);
    }
  }
}
