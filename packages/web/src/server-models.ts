import { ModelInputError, models, registerModel } from "@entente/core";
import type { ModelInfo } from "entente/wire-types";

/** What the workbench needs to know of a model the server lists: a part of its `ModelInfo`. */
export type ServerModel = Pick<ModelInfo, "id" | "label" | "dynamic"> &
  Partial<Pick<ModelInfo, "reference">>;

/**
 * Register in this page's registry every model the server lists that the bundle lacks (a
 * plug-in on the server), in the server's order, so that colours and marks, which derive from
 * the registry, cover it. Such a model runs on the server only: running it here throws.
 */
export function adoptServerModels(listed: readonly ServerModel[]): void {
  for (const info of listed) {
    if (models.some((m) => m.id === info.id)) continue;
    registerModel({
      id: info.id,
      label: info.label,
      reference: info.reference ?? "",
      dynamic: info.dynamic,
      params: [],
      run() {
        throw new ModelInputError(`model "${info.id}" runs on the server only`);
      },
    });
  }
}
