// Direct quotations and their speakers (the "quotes" stage).
//
// A quotation is the text between quotation marks (« », “ ”, " ", ‹ ›; see
// src/nlp/quotes_marks.h for pairing, nesting and quotations running over paragraphs). Each gets
//  - kind: "fragment" for a short quoted word or phrase inside the writer's own sentence (no
//    final punctuation, not at a sentence start, not introduced by ':' or a clause), else
//    "sentence";
//  - cue: the reporting verb as written ("a déclaré", "a-t-il confié", "estime", "met en garde")
//    or "selon" / "pour" / "d'après"; null when there is none;
//  - speaker: who the text says spoke, as written: a name ("Pete Hegseth"), a description ("le
//    président", "les ministres des Affaires étrangères") or, for a pronoun, the mention it
//    stands for; speaker_entity: the canonical entity (EntityMention::entity) when the speaker
//    resolves to a person or organisation mention of the same text, else null.
// Speakers come from, in order: a pull quote's byline ("— Name" / "• Name" on the next line or
// block); a reporting verb right after the quote ("», a déclaré X", "», a-t-il confié"); the
// nearest cue before the quote in its sentence ("X a déclaré :", "X estime que", "selon X",
// "Pour X, ..."); a sentence ending in ':' before the quote (its first person); and, for a
// sentence quote with none of these, the speaker of the previous quote of the same or the
// previous paragraph when no other person is named in between (floating quotes). A fragment with
// no cue (scare quotes, titles) has no speaker, nor has one set off by a naming participle ("la
// loi dite « immigration »", "baptisée", "intitulé"). When a cue has no recognised subject, the
// speaker is taken as written from: a source after "selon"/"d'après" up to the comma; a
// capitalised name the tagger missed next to the verb ("Matignon assure que", "a précisé
// Météo-France"); an institution with its complement ("indique la préfecture du Finistère");
// before the verb these two only for sentence quotes. A ':' sentence with no person takes its
// organisation, or after a possessive opener ("Son verdict :") the person before; "C'est par ces
// mots que X ..." after a quote names X; an incise pronoun with no antecedent takes the person
// named in the next sentence. Sources also come after "aux yeux de", "à en croire", "de l'avis
// de", "comme le dit X", and after the quote (", selon X"); the subject of an incise is the speaker
// whatever its noun ("», préviennent les conducteurs"), and a document ("», indique le
// communiqué") speaks for the organisation or person named before it. Capital acronyms after an
// article ("la CGT") and places next to a reporting verb ("L'Insee note") speak as organisations.
// A question put to someone ("À la question « ... ? »") has no speaker. An incise may name its
// speaker in apposition to a title ("« ..., glisse la capitaine des Bleues, Wendie Renard, ... »");
// "le premier" / "la seconde" after a reporting verb is one of the last two people coordinated by
// "et"; an employer after "chez" ("analyste chez Natixis") belongs to the apposition and is never
// a person. A fragment a reporting verb reports (in its "que" clause, or the attribute of "juger"
// / "qualifier") takes an institution subject ("La direction a jugé la grève « injustifiée »"),
// also the subject of the clause a participle hangs on ("Le parquet ..., estimant que ...").
// A sentence opened by "Selon X," / "D'après X," is X's account: a quotation in it whose clause
// subject has no cue of its own is X's ("Selon le club, le joueur souffre d'une « entorse »").
// A fragment after a verb of criticism, denial or mention ("dénonce", "dément", "évoque") is also
// the words of a name or institution right before it, never after praise or promise ("vante",
// "promet"). An inverted subject's reporting verb ("a-t-elle assuré, avant de qualifier ... de
// « ... »") is the cue of a later fragment of its sentence; "la centrale", "le syndicat" after a
// quotation stand for the organisation named before; "Pour X (ACRONYME)," and a complement the
// tagger left out of X still introduce X; an organisation in an institution's complement speaks
// as the institution, as written ("la direction de la SNCF").
// Pronouns (il, elle, -t-il, lui) resolve to the last person of compatible gender named before
// them (gender from listed first names, else guessed from a first name's ending: "Yolande"); a definite description ("le président américain") to the person the text called so
// earlier ("le président américain Donald Trump", "Pete Hegseth, le secrétaire à la Défense"),
// or described with a shared complement word and no contradicting adjective ("le patron des
// socialistes"), or with a title that implies it ("l'élu" by "député", "le syndicaliste" by a
// union section), else, for a bare title, to the last compatible person named before it; plural descriptions ("les manifestants")
// are collective speakers without an entity.
// Set 9's rules: a title the text uses for someone it never names stands behind later titles it
// implies ("le maire de Brest" ... "l'édile"; "l'homme" for the last description of a man); a
// qualified title without nationality right after a person named without a title, or with a
// generic one, is that person, a clause subject before a nearer object ("la secrétaire générale de
// la CGT", "le joueur de 22 ans"); a singular definite noun phrase as an incise subject stands for
// the person just named; the subject of an incise inside a quotation is named for the text after
// it; a complement naming the medium ("a raconté à l'AFP X") is no subject; a quotation opening
// its paragraph with no cue takes the subject of the previous paragraph's last sentence, else
// (after the previous quotation's speaker) the person or group named in the next sentence; an
// unresolved pronoun takes the person named in the next sentence, or the noun phrase opening its
// sentence or the one before ("L'ancienne gérante ... a-t-elle expliqué"); a resumptive pronoun
// repeats the subject before its comma ("La direction, elle, évoque"); "», assure-t-on dans
// l'entourage de X / à Matignon" gives that speaker; "une source proche du dossier", "son
// entourage" and more institutions speak; impersonal "il" is no subject.
// Set 11's rules: a work's noun may carry an ordinal and a comma before its title ("son quatrième
// album, « ... »"); a demonstrative ("», a précisé cette source") takes up the earlier noun phrase
// with its noun; a definite noun found in an organisation's name stands for it ("l'autorité");
// "Le Néerlandais" (article and capitalised nationality before a verb) is the person named before;
// a title after "du" / "au" in apposition to a name is recorded for that name; after "Pour X," the
// name is no subject and its apposition runs on to the comma; a name between commas after a title
// is a subject when a verb follows; a description in a noun's complement ("la mort d'un
// adolescent") is no subject; before ':', a title the tagger cut at an organisation gives way to
// the name in apposition; "le groupe pétrolier, lui," stands for the organisation; "tout de même"
// is one inserted adverb; an institution's relative "qui" before a verb of mention speaks for it;
// partners and family ("l'ancienne compagne") are people; a quoted infinitive complement after "à"
// that the writer's sentence goes on after is a fragment.
//
// Spans are byte offsets into the annotated text, without the quotation marks; quotes are in text
// order and do not overlap. Time is linear in the text size.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "veille/document.h"
#include "veille/pipeline.h"

namespace veille {

// Quotations of `text` with their speakers. `annotations` must hold the tokens and entities of
// `text` (the tokenize and ner stages; sentences are recomputed around the quotation marks);
// without tokens, quotes are still found but get no speaker. Pure function; thread-safe.
std::vector<Quote> find_quotes(std::string_view text, const Annotations& annotations);

// "quotes": fills Annotations::quotes of Document::text and of every comment (a comment's
// speakers are only people the comment itself names). REQUIRES: tokenize and ner ran before it.
// Immutable; process() is thread-safe.
std::unique_ptr<Stage> make_quote_stage();

}  // namespace veille
