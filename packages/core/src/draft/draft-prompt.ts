import { QUOTE_MAX } from "../scenario/schema.ts";

/** What earlier articles established, so that the model reuses their ids and scale directions. */
export interface DraftFrame {
  actors: { id: string; name: string }[];
  issues: { id: string; title: string; minLabel: string; maxLabel: string }[];
  shocks: { id: string; title: string }[];
  phases: { id: string; title: string }[];
}

/** A chat message as OpenAI-compatible chat-completions endpoints take it. */
export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

const INSTRUCTIONS = `You code negotiations for Entente, a forecasting tool. From ONE article you extract:
- actors: the parties with a stake in the outcome, each with its capability (influence over the outcome of these talks, 1-100 relative to the others);
- issues: each a 0-100 scale with named ends (minLabel at 0, maxLabel at 100), optional named marks in between, and the status quo (where it stands with no agreement);
- stances: for each actor and issue the article speaks to, the actor's position (0-100 on that issue's scale) and salience (how much the issue matters to it, 0-100);
- shocks: events that may happen (probability 0-1) and what they would change;
- phases: the steps of the talks, with who takes part and which issues.

Rules:
1. Every number needs a quote: a passage of at most ${QUOTE_MAX} characters copied EXACTLY from the article (same words, same order). The number is thrown away if its quote is not in the article. Do not paraphrase inside "quote"; put your reasoning in "note".
2. If the article gives no support for a number, use null (for capability, statusQuo, position, salience) or leave the item out. Never guess.
3. Reuse the ids, names and scale directions of the known frame below when the article speaks of the same actor or issue. Add new ones only for actors and issues the frame lacks. Ids are short, lowercase, start with a letter, and use only a-z, 0-9 and '-'.
4. Keep the direction of each known issue's scale: 0 always means its minLabel, 100 its maxLabel.
5. Answer with JSON only, in the requested shape.`;

/**
 * The messages that ask a model to draft one article (the system instructions, then the known
 * frame and the article's text). The prompt is part of the draft's provenance: changing it
 * changes what models answer, so it is versioned with the code.
 */
export function draftMessages(
  article: { id: string; title?: string | undefined; text: string },
  frame: DraftFrame,
): ChatMessage[] {
  const known =
    frame.actors.length + frame.issues.length + frame.shocks.length + frame.phases.length === 0
      ? "Known frame: none yet (this is the first article)."
      : `Known frame from earlier articles (reuse these ids):\n${JSON.stringify(frame, null, 1)}`;
  const heading = article.title ? `Article "${article.title}"` : "Article";
  return [
    { role: "system", content: INSTRUCTIONS },
    {
      role: "user",
      content: `${known}\n\n${heading} (source id ${article.id}):\n<<<\n${article.text}\n>>>`,
    },
  ];
}
