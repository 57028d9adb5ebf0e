package io.augment.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.augment.domain.model.InvalidInputException;
import java.util.Collection;

/**
 * A JSON body Jackson could not read, said in plain words and naming the field by its JSON path
 * ({@code documents[0].metadata.lang}); Jackson's own messages name Java types, which callers
 * neither know nor need.
 */
final class JsonErrors {
  private JsonErrors() {}

  static InvalidInputException describe(JsonProcessingException e) {
    String field = e instanceof JsonMappingException m ? path(m) : null;
    InvalidInputException cause = invalidInput(e);
    if (cause != null) {
      return cause.withField(field == null ? cause.field() : field + "." + cause.field());
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return new InvalidInputException(field == null ? "body" : field, "expected " + kind(m.getTargetType()));
    }
    String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr();
    return new InvalidInputException(field, "malformed JSON" + where + reason(e)); // a syntax error names no field
  }

  private static String path(JsonMappingException e) {
    if (e.getPath().isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? null : out.toString();
  }

  private static InvalidInputException invalidInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return null;
  }

  static String kind(Class<?> type) {
    if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
      return "a string";
    }
    if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class
        || type == Short.class) {
      return "an integer";
    }
    if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (JsonNode.class.isAssignableFrom(type)) {
      return "a JSON value";
    }
    return type.isEnum() ? "one of the allowed values" : "an object";
  }

  /** Jackson's first phrase ("Unexpected end-of-input"), without locations or type names. */
  private static String reason(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return "";
    }
    String first = message.split("\\R", 2)[0];
    int cut = first.indexOf(": ");
    first = (cut > 0 ? first.substring(0, cut) : first).replaceAll("\\s*\\(start marker.*$", "");
    return first.contains("`") || first.isBlank() ? "" : ": " + first.strip();
  }
}
