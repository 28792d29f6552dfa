import { describe, expect, it } from "vitest";
import {
  fillVictoryMatrix,
  VICTORY_PROB_MODELS,
  victoryProbability,
} from "./victory-probability.ts";

const code = (m: (typeof VICTORY_PROB_MODELS)[number]) => VICTORY_PROB_MODELS.indexOf(m);

describe("victoryProbability (KTAB Model::vProb, spec §5.2)", () => {
  it("uses odds s, s², s⁴ and s⁸", () => {
    expect(victoryProbability(code("Linear"), 3, 1)).toBe(0.75);
    expect(victoryProbability(code("Square"), 3, 1)).toBe(0.9);
    expect(victoryProbability(code("Quartic"), 2, 1)).toBe(16 / 17);
    expect(victoryProbability(code("Octic"), 2, 1)).toBe(256 / 257);
  });

  it("Binary: near-certain beyond a 1.1 ratio, a linear ramp inside", () => {
    expect(victoryProbability(code("Binary"), 1.1, 1)).toBe(1 / (1 + 1e-6));
    expect(victoryProbability(code("Binary"), 1, 1.1)).toBe(1e-6 / (1 + 1e-6));
    expect(victoryProbability(code("Binary"), 1, 1)).toBeCloseTo(0.5, 12);
    expect(victoryProbability(code("Binary"), 1.05, 1)).toBeCloseTo(
      ((1.05 / 2.05) * 2.1 - 1) / 0.1,
      12,
    );
  });

  it("fills a complementary matrix with ½ on the diagonal", () => {
    const C = new Float64Array([1e-8, 1, 2, 3, 1e-8, 4, 5, 6, 1e-8]);
    const V = new Float64Array(9);
    fillVictoryMatrix(code("Linear"), C, 3, V);
    for (let i = 0; i < 3; i++) {
      expect(V[i * 3 + i]).toBe(0.5);
      for (let j = 0; j < 3; j++)
        expect((V[i * 3 + j] as number) + (V[j * 3 + i] as number)).toBeCloseTo(1, 15);
    }
    expect(V[1 * 3 + 0]).toBe(3 / 4);
  });
});
