package io.augment.domain.adaptation;

import java.time.Instant;

/**
 * An uploaded file of training examples (JSONL), validated line by line when it was uploaded.
 *
 * @param id        opaque id ({@code file-...})
 * @param filename  the name it was uploaded under (shown, never used as a path)
 * @param purpose   {@code fine-tune}
 * @param bytes     its size
 * @param examples  examples it holds
 * @param createdAt when it was uploaded
 */
public record TrainingFile(String id, String filename, String purpose, long bytes, int examples, Instant createdAt) {}
