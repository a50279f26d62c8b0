// Writes one Doc — its row, sentences, full-text rows and facts — deciding first whether it is new, a new version or already stored.
import type { Doc, Span } from '../../doc/types.ts';
import { documentIdentity, sentenceTextKey, textHash } from '../identity.ts';
import { normaliseSpelling } from '../spelling.ts';
import type { PutResult } from '../store.ts';
import { validateDoc } from '../validate.ts';
import type { StatementCache } from './statement-cache.ts';

interface VersionRow {
  seq: number;
  id: string;
  identity: string;
  version: number;
  text_hash: string;
}

const insertDocumentSql = `
  INSERT INTO documents (id, identity, version, is_current, supersedes, text_hash, title, byline, source, url, file,
    published, language, origin, source_kind, format, sentence_count, ingested_at)
  VALUES (@id, @identity, @version, 1, @supersedes, @textHash, @title, @byline, @source, @url, @file,
    @published, @language, @origin, @sourceKind, @format, @sentenceCount, @ingestedAt)`;

const insertTextSql = `
  INSERT INTO document_texts (doc, content, original, text, source_map, removed, headings, messages, source_messages)
  VALUES (@doc, @content, @original, @text, @sourceMap, @removed, @headings, @messages, @sourceMessages)`;

function evidenceColumns(evidence: Span): { evidenceStart: number; evidenceEnd: number; evidenceText: string } {
  return { evidenceStart: evidence.start, evidenceEnd: evidence.end, evidenceText: evidence.text };
}

function flag(value: boolean | undefined): number | null {
  return value === undefined ? null : value ? 1 : 0;
}

/** A sentence's full-text row: its rowid and the text to index. */
export type IndexRow = [rowid: number | bigint, text: string];

export class DocumentWriter {
  constructor(
    private readonly sql: StatementCache,
    private readonly options: { keepOriginal: boolean },
  ) {}

  /**
   * Stores `doc` unless this text is already stored; the caller wraps it in a transaction (or savepoint).
   * Given `indexLater`, the sentences' full-text rows are added to it for the caller to index (see indexSentences).
   */
  write(doc: Doc, indexLater?: IndexRow[]): PutResult {
    validateDoc(doc);
    const identity = documentIdentity(doc);
    const hash = textHash(doc.text);
    const current = this.sql
      .get('SELECT seq, id, identity, version, text_hash FROM documents WHERE identity = ? AND is_current = 1')
      .get(identity) as VersionRow | undefined;
    if (current && current.text_hash === hash) {
      return { status: 'unchanged', id: current.id, identity, version: current.version, supersedes: null };
    }
    // The same id stored before (an older version seen again, or the same text under another identity): keep what is there.
    const known = this.sql.get('SELECT seq, id, identity, version, text_hash FROM documents WHERE id = ?').get(doc.id) as VersionRow | undefined;
    if (known) {
      return { status: 'unchanged', id: known.id, identity: known.identity, version: known.version, supersedes: null };
    }
    if (current) this.sql.get('UPDATE documents SET is_current = 0 WHERE seq = ?').run(current.seq);
    const version = current ? current.version + 1 : 1;
    const seq = this.insertDocument(doc, { identity, hash, version, supersedes: current?.seq ?? null });
    this.insertSentences(seq, doc, indexLater);
    this.insertEntities(seq, doc);
    this.insertFacts(seq, doc);
    return current
      ? { status: 'new-version', id: doc.id, identity, version, supersedes: current.id }
      : { status: 'inserted', id: doc.id, identity, version, supersedes: null };
  }

  private insertDocument(doc: Doc, fields: { identity: string; hash: string; version: number; supersedes: number | null }): number {
    const { raw, meta } = doc;
    const result = this.sql.get(insertDocumentSql).run({
      id: doc.id,
      identity: fields.identity,
      version: fields.version,
      supersedes: fields.supersedes,
      textHash: fields.hash,
      title: meta.title,
      byline: meta.byline,
      source: meta.source,
      url: meta.url,
      file: meta.file,
      published: meta.published,
      language: meta.language,
      origin: raw.origin,
      sourceKind: raw.kind,
      format: raw.format,
      sentenceCount: doc.sentences.length,
      ingestedAt: new Date().toISOString(),
    });
    const seq = Number(result.lastInsertRowid);
    this.sql.get(insertTextSql).run({
      doc: seq,
      content: raw.content,
      original: this.options.keepOriginal ? raw.original : null,
      text: doc.text,
      sourceMap: JSON.stringify(doc.sourceMap),
      removed: JSON.stringify(doc.removed),
      headings: JSON.stringify(doc.headings),
      messages: JSON.stringify(doc.messages),
      sourceMessages: JSON.stringify(raw.messages),
    });
    return seq;
  }

  /** Stores the sentences; a text not stored before is the one its copies are found under (migration 12) and goes to the full-text index. */
  private insertSentences(seq: number, doc: Doc, indexLater: IndexRow[] | undefined): void {
    const insertSentence = this.sql.get(
      'INSERT INTO sentences (doc, ordinal, span_start, span_end, text, text_key, is_indexed) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const known = this.sql.get('SELECT 1 FROM sentences WHERE text_key = ? LIMIT 1').pluck();
    const rows: IndexRow[] = indexLater ?? [];
    doc.sentences.forEach((sentence, ordinal) => {
      const text = doc.text.slice(sentence.start, sentence.end);
      const key = sentenceTextKey(text);
      const isNew = known.get(key) === undefined;
      const { lastInsertRowid } = insertSentence.run(seq, ordinal, sentence.start, sentence.end, text, key, isNew ? 1 : 0);
      if (isNew) rows.push([lastInsertRowid, normaliseSpelling(text)]);
    });
    if (!indexLater) this.indexSentences(rows);
  }

  /** Adds sentence texts to the full-text index. */
  indexSentences(rows: readonly IndexRow[]): void {
    // JavaScript numbers bind as REAL; FTS5 rowids must be integers.
    const insertIndexRow = this.sql.get('INSERT INTO sentence_fts (rowid, text) VALUES (CAST(? AS INTEGER), ?)');
    for (const [rowid, text] of rows) insertIndexRow.run(rowid, text);
  }

  private insertEntities(seq: number, doc: Doc): void {
    const insertEntity = this.sql.get(`
      INSERT INTO entities (doc, ordinal, entity_id, name, kind, party, roles, aliases, mention_count)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertMention = this.sql.get('INSERT INTO mentions (entity, ordinal, span_start, span_end) VALUES (?, ?, ?, ?)');
    doc.entities.forEach((entity, ordinal) => {
      const { lastInsertRowid } = insertEntity.run(
        seq, ordinal, entity.id, entity.name, entity.kind, entity.party,
        JSON.stringify(entity.roles), JSON.stringify(entity.aliases), entity.mentions.length,
      );
      entity.mentions.forEach((mention, i) => insertMention.run(lastInsertRowid, i, mention.start, mention.end));
    });
  }

  private insertFacts(seq: number, doc: Doc): void {
    const insertStance = this.sql.get(`
      INSERT INTO stances (doc, ordinal, party, actor, issue, act, summary, confidence, negated, hedged, evidence_start, evidence_end, evidence_text)
      VALUES (@doc, @ordinal, @party, @actor, @issue, @act, @summary, @confidence, @negated, @hedged, @evidenceStart, @evidenceEnd, @evidenceText)`);
    doc.stances.forEach((stance, ordinal) => insertStance.run({
      doc: seq, ordinal, party: stance.party, actor: stance.actor, issue: stance.issue, act: stance.act,
      summary: stance.summary, confidence: stance.confidence, negated: flag(stance.negated), hedged: flag(stance.hedged),
      ...evidenceColumns(stance.evidence),
    }));

    const insertEvent = this.sql.get(`
      INSERT INTO events (doc, ordinal, type, status, parties, participants, place, date_text, date_start, date_end, date_precision,
        duration, outcome, evidence_start, evidence_end, evidence_text)
      VALUES (@doc, @ordinal, @type, @status, @parties, @participants, @place, @dateText, @dateStart, @dateEnd, @datePrecision,
        @duration, @outcome, @evidenceStart, @evidenceEnd, @evidenceText)`);
    doc.events.forEach((event, ordinal) => insertEvent.run({
      doc: seq, ordinal, type: event.type, status: event.status,
      parties: JSON.stringify(event.parties), participants: JSON.stringify(event.participants), place: event.place,
      dateText: event.date?.text ?? null, dateStart: event.date?.start ?? null, dateEnd: event.date?.end ?? null,
      datePrecision: event.date?.precision ?? null, duration: event.duration, outcome: event.outcome,
      ...evidenceColumns(event.evidence),
    }));

    const insertQuote = this.sql.get(`
      INSERT INTO quotes (doc, ordinal, speaker, speaker_name, text, evidence_start, evidence_end, evidence_text)
      VALUES (@doc, @ordinal, @speaker, @speakerName, @text, @evidenceStart, @evidenceEnd, @evidenceText)`);
    doc.quotes.forEach((quote, ordinal) => insertQuote.run({
      doc: seq, ordinal, speaker: quote.speaker, speakerName: quote.speakerName, text: quote.text,
      ...evidenceColumns(quote.evidence),
    }));

    const insertQuantity = this.sql.get(`
      INSERT INTO quantities (doc, ordinal, value, unit, about, text, evidence_start, evidence_end, evidence_text)
      VALUES (@doc, @ordinal, @value, @unit, @about, @text, @evidenceStart, @evidenceEnd, @evidenceText)`);
    doc.quantities.forEach((quantity, ordinal) => insertQuantity.run({
      doc: seq, ordinal, value: quantity.value, unit: quantity.unit, about: quantity.about, text: quantity.text,
      ...evidenceColumns(quantity.evidence),
    }));

    const insertDate = this.sql.get(`
      INSERT INTO dates (doc, ordinal, text, date_start, date_end, precision, span_start, span_end, span_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    doc.dates.forEach((date, ordinal) => insertDate.run(
      seq, ordinal, date.text, date.start, date.end, date.precision ?? null, date.span.start, date.span.end, date.span.text,
    ));
  }
}
