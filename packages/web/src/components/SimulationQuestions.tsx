import { percent, type Scenario, type SimulationReport } from "@entente/core";

/** Props of {@link SimulationQuestions}. */
export interface SimulationQuestionsProps {
  /** Each question's probability of yes, per model. */
  questions: SimulationReport["questions"];
  scenario: Scenario;
  /** A model's label by its id. */
  label: (id: string) => string;
}

/** The scenario's questions: each model's probability of yes beside the sources' own figures. */
export function SimulationQuestions({ questions, scenario, label }: SimulationQuestionsProps) {
  return (
    <table className="data" data-testid="questions">
      <caption>Questions: each model's probability, and what the sources say</caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          {questions[0]?.models.map((m) => (
            <th scope="col" className="num" key={m.model}>
              {label(m.model)}
            </th>
          ))}
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {questions.map((q) => {
          const about = scenario.questions?.find((x) => x.id === q.question);
          return (
            <tr key={q.question}>
              <th scope="row">{about?.title ?? q.question}</th>
              {q.models.map((m) => (
                <td className="num" key={m.model} title={`± ${(m.se * 100).toFixed(2)}`}>
                  {percent(m.probability)}
                </td>
              ))}
              <td>
                {(about?.estimates ?? [])
                  .map((e) => `${e.source}: ${percent(e.probability)}`)
                  .join("; ")}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
