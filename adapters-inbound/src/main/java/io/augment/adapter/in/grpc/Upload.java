package io.augment.adapter.in.grpc;

import io.augment.application.ingest.DocumentIds;

import io.augment.adapter.in.grpc.v1.UploadMetadata;
import io.augment.adapter.in.grpc.v1.UploadRequest;
import io.augment.application.ingest.DocumentParsers;
import io.augment.application.ingest.IngestCommand;
import io.augment.domain.model.InvalidInputException;
import java.io.ByteArrayOutputStream;

/**
 * Collects one client-streamed upload: the metadata first, then the file's bytes. Refuses a file
 * type no parser reads at the first message, and stops at the first chunk that would pass the limit.
 */
final class Upload {
  private final DocumentParsers parsers;
  private final RequestLimit limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private UploadMetadata metadata;
  private String mediaType;

  Upload(DocumentParsers parsers, RequestLimit limit) {
    this.parsers = parsers;
    this.limit = limit;
  }

  void accept(UploadRequest message) {
    switch (message.getPayloadCase()) {
      case METADATA -> {
        if (metadata != null) {
          throw new InvalidInputException("metadata", "only the first message may carry metadata");
        }
        metadata = message.getMetadata();
        mediaType = parsers.mediaTypeOf(Requests.orNull(metadata.getFilename()), Requests.orNull(metadata.getMediaType()));
      }
      case CHUNK -> {
        if (metadata == null) {
          throw new InvalidInputException("metadata", "the first message must carry the metadata");
        }
        limit.check((long) bytes.size() + message.getChunk().size());
        bytes.writeBytes(message.getChunk().toByteArray());
      }
      default -> throw new InvalidInputException("payload", "each message carries metadata or a chunk");
    }
  }

  String knowledgeBase() {
    return metadata.getKnowledgeBase();
  }

  IngestCommand command() {
    if (metadata == null) {
      throw new InvalidInputException("metadata", "the upload was empty");
    }
    if (bytes.size() == 0) {
      throw new InvalidInputException("chunk", "the upload carried no bytes");
    }
    String id = metadata.getId().isBlank() ? DocumentIds.fromFileName(metadata.getFilename()) : metadata.getId();
    return new IngestCommand(id, Requests.orNull(metadata.getTitle()), mediaType, bytes.toByteArray(),
        metadata.getMetadataMap());
  }
}
