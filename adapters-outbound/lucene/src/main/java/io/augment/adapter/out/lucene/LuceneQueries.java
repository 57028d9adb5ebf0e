package io.augment.adapter.out.lucene;

import io.augment.domain.retrieval.MetadataFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
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
import org.apache.lucene.util.BytesRef;

/** Builds Lucene queries from our filters and from free text. */
final class LuceneQueries {

  private LuceneQueries() {}

  /** The filter as a Lucene query, or null when it matches everything. */
  static Query filter(MetadataFilter filter) {
    if (filter instanceof MetadataFilter.In in) {
      String field = MetadataFilter.DOCUMENT_ID.equals(in.key()) ? ChunkDocuments.DOCUMENT_ID : ChunkDocuments.META + in.key();
      return new TermInSetQuery(field, in.values().stream().map(BytesRef::new).toList());
    }
    MetadataFilter.And and = (MetadataFilter.And) filter;
    if (and.filters().isEmpty()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (MetadataFilter part : and.filters()) {
      Query query = filter(part);
      if (query != null) {
        all.add(query, Occur.FILTER);
      }
    }
    return all.build();
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
