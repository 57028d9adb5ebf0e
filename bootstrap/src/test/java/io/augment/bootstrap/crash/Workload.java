package io.augment.bootstrap.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three writers each POST one small document per request (its text carries a nonce word found in
 * no other document), and a deleter deletes documents acknowledged earlier, until {@link #stop()}.
 * Only 2xx answers are recorded as acknowledged; a request cut off by the crash is just "sent".
 */
final class Workload {
  private static final int WRITERS = 3;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final String documents;
  private final Ledger ledger;
  private final String trial;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private final Random random = new Random();
  private final String key;

  Workload(String baseUrl, String knowledgeBase, Ledger ledger, String trial) {
    this(baseUrl, knowledgeBase, ledger, trial, null);
  }

  /** @param key the API key every request presents ({@code Authorization: Bearer}); null for none */
  Workload(String baseUrl, String knowledgeBase, Ledger ledger, String trial, String key) {
    this.documents = baseUrl + "/api/v1/knowledge-bases/" + knowledgeBase + "/documents";
    this.ledger = ledger;
    this.trial = trial;
    this.key = key;
  }

  void start() {
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      threads.add(new Thread(() -> write(writer), "crash-writer-" + w));
    }
    threads.add(new Thread(this::delete, "crash-deleter"));
    threads.forEach(Thread::start);
  }

  /** Requests sent and not yet answered. */
  int inFlight() {
    return inFlight.get();
  }

  /** Stops the clients; after a kill their last requests have failed already. */
  void stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(15_000);
    }
  }

  /** One write of a document, recorded as sent, and as acknowledged on a 2xx; returns whether it was. */
  boolean writeOne(String id) {
    String nonce = nonce();
    ledger.sent(id, nonce);
    String body = "{\"id\":\"" + id + "\",\"title\":\"" + id + "\",\"text\":\"Crash test note " + id
        + " carries the word " + nonce + " and nothing more.\"}";
    int status = send(HttpRequest.newBuilder(URI.create(documents)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (status / 100 == 2) {
      ledger.written(id);
      return true;
    }
    return false;
  }

  private void write(int writer) {
    for (int n = 0; running.get(); n++) {
      writeOne(trial + "-w" + writer + "-" + n);
    }
  }

  private void delete() {
    while (running.get()) {
      String id = ledger.nextToDelete();
      if (id == null || random.nextInt(3) == 0) {
        pause(20);
        continue;
      }
      ledger.deleteSent(id);
      if (send(HttpRequest.newBuilder(URI.create(documents + "/" + id)).DELETE()) == 204) {
        ledger.deleted(id);
      }
    }
  }

  /** The status, or -1 when no answer came (the server is gone). */
  private int send(HttpRequest.Builder request) {
    inFlight.incrementAndGet();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    try {
      return client.send(request.timeout(Duration.ofSeconds(10)).header("X-Augment-Request", "1").build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      pause(50);
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private String nonce() {
    StringBuilder word = new StringBuilder("qz");
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
