package io.augment.adapter.in.grpc;

import io.augment.adapter.in.grpc.v1.UploadMetadata;
import io.augment.adapter.in.grpc.v1.UploadRequest;
import io.augment.application.ingest.DocumentIds;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.ingest.IngestCommand;
import io.augment.domain.model.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Collects one client-streamed upload: the metadata first, then the file's bytes. Refuses a file
 * type no parser reads, a malformed or over-limit declared size, and a malformed SHA-256 at the first
 * message; stops at the first chunk that would pass the limit or the declared size; and, once the
 * client half-closes, refuses bytes that do not match the declared size or SHA-256. A client whose
 * cancel half-closes first (grpc-js does) stores nothing only if it declared one of them.
 */
final class Upload {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final DocumentParsers parsers;
  private final RequestLimit limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final MessageDigest digest = sha256();
  private UploadMetadata metadata;
  private String mediaType;

  Upload(DocumentParsers parsers, RequestLimit limit) {
    this.parsers = parsers;
    this.limit = limit;
  }

  void accept(UploadRequest message) {
    switch (message.getPayloadCase()) {
      case METADATA -> start(message.getMetadata());
      case CHUNK -> {
        if (metadata == null) {
          throw new InvalidInputException("metadata", "the first message must carry the metadata");
        }
        long total = (long) bytes.size() + message.getChunk().size();
        if (metadata.hasSize() && total > metadata.getSize()) {
          throw new InvalidInputException("metadata.size",
              "the upload declared " + metadata.getSize() + " bytes but sent more; nothing was stored");
        }
        limit.check(total);
        byte[] chunk = message.getChunk().toByteArray();
        bytes.writeBytes(chunk);
        digest.update(chunk);
      }
      default -> throw new InvalidInputException("payload", "each message carries metadata or a chunk");
    }
  }

  /** The command to ingest, once the client has half-closed; refuses an upload that is not whole. */
  IngestCommand command() {
    if (metadata == null) {
      throw new InvalidInputException("metadata", "the upload sent no messages; the first must carry the metadata");
    }
    if (metadata.hasSize() && bytes.size() != metadata.getSize()) {
      throw new InvalidInputException("metadata.size", "the upload declared " + metadata.getSize()
          + " bytes but sent " + bytes.size() + "; nothing was stored");
    }
    if (bytes.size() == 0) {
      throw new InvalidInputException("chunk", "the upload carried no bytes");
    }
    if (!metadata.getSha256().isEmpty()
        && !HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(metadata.getSha256())) {
      throw new InvalidInputException("metadata.sha256",
          "the bytes received do not have the declared SHA-256; nothing was stored");
    }
    String id = metadata.getId().isBlank() ? DocumentIds.fromFileName(metadata.getFilename()) : metadata.getId();
    return new IngestCommand(id, Requests.orNull(metadata.getTitle()), mediaType, bytes.toByteArray(),
        metadata.getMetadataMap());
  }

  /** Call only after {@link #command()} succeeded. */
  String knowledgeBase() {
    return metadata.getKnowledgeBase();
  }

  private void start(UploadMetadata first) {
    if (metadata != null) {
      throw new InvalidInputException("metadata", "only the first message may carry metadata");
    }
    if (first.hasSize()) {
      if (first.getSize() < 0) {
        throw new InvalidInputException("metadata.size", "must not be negative");
      }
      limit.check(first.getSize());
    }
    if (!first.getSha256().isEmpty() && !SHA256.matcher(first.getSha256()).matches()) {
      throw new InvalidInputException("metadata.sha256", "must be 64 hex digits");
    }
    mediaType = parsers.mediaTypeOf(Requests.orNull(first.getFilename()), Requests.orNull(first.getMediaType()));
    metadata = first;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
