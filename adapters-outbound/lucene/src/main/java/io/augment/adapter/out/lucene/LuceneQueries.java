package io.augment.adapter.out.lucene;

import io.augment.domain.retrieval.MetadataFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;

/** Builds Lucene queries from our filters and from free text. */
final class LuceneQueries {

  private LuceneQueries() {}

  /** The filter as a Lucene query, or null when it matches everything. */
  static Query filter(MetadataFilter filter) {
    if (filter instanceof MetadataFilter.In in) {
      return new TermInSetQuery(ChunkDocuments.exactField(in.key()), bytes(in.values()));
    }
    if (filter instanceof MetadataFilter.AnyOf anyOf) {
      return new TermInSetQuery(ChunkDocuments.elementsField(anyOf.key()), bytes(anyOf.values()));
    }
    if (filter instanceof MetadataFilter.Range range) {
      return new TermRangeQuery(ChunkDocuments.exactField(range.key()), bytes(range.from()), bytes(range.to()), true, true);
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean restricts = false;
    for (MetadataFilter part : ((MetadataFilter.And) filter).filters()) {
      Query query = filter(part);
      if (query != null) {
        all.add(query, Occur.FILTER);
        restricts = true;
      }
    }
    return restricts ? all.build() : null;
  }

  /** Any of the analysed terms of {@code text}, scored by BM25; null when no term survives analysis. */
  static Query anyTerm(Analyzer analyzer, String text, Query filter) {
    Set<String> terms = terms(analyzer, text);
    if (terms.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    terms.stream().limit(IndexSearcher.getMaxClauseCount() - 1L)
        .forEach(term -> query.add(new TermQuery(new Term(ChunkDocuments.TEXT, term)), Occur.SHOULD));
    if (filter != null) {
      query.add(filter, Occur.FILTER);
    }
    return query.build();
  }

  private static List<BytesRef> bytes(Collection<String> values) {
    return values.stream().map(BytesRef::new).toList();
  }

  /** An open bound stays null. */
  private static BytesRef bytes(String value) {
    return value == null ? null : new BytesRef(value);
  }

  private static Set<String> terms(Analyzer analyzer, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream tokens = analyzer.tokenStream(ChunkDocuments.TEXT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
