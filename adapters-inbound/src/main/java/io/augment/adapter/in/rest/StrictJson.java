package io.augment.adapter.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Deserializers that take a JSON value only as its own type: Jackson's defaults turn {@code true}
 * or {@code 12} into the string {@code "true"}/{@code "12"}, {@code "10"} into the number 10 and
 * truncate {@code 2.5} to 2, so a wrongly typed admin field would be stored as something else.
 * A refusal is Jackson's mismatched-input error, which {@link JsonErrors} names by field.
 */
final class StrictJson {
  private StrictJson() {}

  /** Only a JSON string. */
  static final class Text extends StdScalarDeserializer<String> {
    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
  }

  /** Only a JSON integer that fits a long. */
  static final class WholeLong extends StdScalarDeserializer<Long> {
    WholeLong() {
      super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        return p.getLongValue();
      }
      return (Long) ctxt.handleUnexpectedToken(Long.class, p);
    }
  }

  /** Only a JSON integer that fits an int. */
  static final class WholeInt extends StdScalarDeserializer<Integer> {
    WholeInt() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
        return p.getIntValue();
      }
      return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
    }
  }

  /** Only a JSON number (integer or not); never a string such as {@code "NaN"}. */
  static final class Number extends StdScalarDeserializer<Double> {
    Number() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getDoubleValue();
      }
      return (Double) ctxt.handleUnexpectedToken(Double.class, p);
    }
  }
}
