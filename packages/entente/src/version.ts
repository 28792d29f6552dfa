/** The version of Entente, as `entente --version` and reports state it. */
export const VERSION = "0.1.0";
