import { describe, expect, it } from "vitest";
import { checkRedisUrl, redactedUrl } from "./redis-connection.ts";
import { JOBS_PER_RUN, MAX_SHARDS_PER_JOB, shardJobs } from "./shard-task.ts";

describe("shardJobs", () => {
  it("cuts shards into contiguous jobs, in order, none longer than the maximum", () => {
    for (const n of [1, 7, 64, 65, 400, 4000]) {
      const shards = [...Array(n).keys()].map((i) => i + 3);
      const jobs = shardJobs(shards);
      expect(jobs.flat()).toEqual(shards);
      expect(Math.max(...jobs.map((j) => j.length))).toBeLessThanOrEqual(MAX_SHARDS_PER_JOB);
      if (n <= JOBS_PER_RUN * MAX_SHARDS_PER_JOB) {
        expect(jobs.length).toBeLessThanOrEqual(JOBS_PER_RUN);
      }
    }
    expect(shardJobs([...Array(400).keys()]).map((j) => j.length)).toEqual([
      ...Array(57).fill(7),
      1,
    ]);
  });
});

describe("Redis URLs", () => {
  it("accepts redis:// and rediss://, refuses anything else with the value", () => {
    expect(checkRedisUrl("redis://127.0.0.1:6379/2")).toBe("redis://127.0.0.1:6379/2");
    expect(checkRedisUrl("rediss://user:pw@host")).toBe("rediss://user:pw@host");
    expect(() => checkRedisUrl("http://host")).toThrow(
      'expected a Redis URL starting with redis:// or rediss://, got "http://host"',
    );
    expect(() => checkRedisUrl("not a url")).toThrow(
      'expected a Redis URL such as redis://127.0.0.1:6379, got "not a url"',
    );
  });

  it("keeps passwords out of messages", () => {
    expect(redactedUrl("redis://user:secret@host:6379")).toBe("redis://user:***@host:6379");
    expect(() => checkRedisUrl("http://u:secret@host")).toThrow("http://u:***@host");
  });
});
