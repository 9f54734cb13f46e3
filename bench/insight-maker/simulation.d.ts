// The `simulation` package (Insight Maker's engine) ships its declarations under types/src/, but its
// package.json points at types/api/, so TypeScript cannot find them. These are the parts the second
// implementation uses, typed after types/src/api/{Model,Blocks,Results}.d.ts of version 9.
declare module 'simulation' {
  /** Any primitive of a model. */
  export interface Primitive {
    name: string;
  }
  /** A stock: accumulates its flows. */
  export type Stock = Primitive;
  /** A flow between two stocks (or from/to outside the model when null). */
  export type Flow = Primitive;
  /** A variable: a value computed from an equation each step. */
  export type Variable = Primitive;
  /** A converter: a lookup table over time or another primitive. */
  export type Converter = Primitive;

  /** What a simulation returns. */
  export interface Results {
    times(): number[];
    series(primitive: Primitive): number[];
    value(primitive: Primitive, time?: number): number;
  }

  /** Options of a model. */
  export interface ModelConfig {
    timeStart?: number;
    timeLength?: number;
    timeStep?: number;
    algorithm?: 'Euler' | 'RK4';
    timeUnits?: 'Seconds' | 'Minutes' | 'Hours' | 'Days' | 'Weeks' | 'Months' | 'Years';
  }

  /** A system dynamics model. */
  export class Model {
    constructor(config?: ModelConfig);
    Stock(config: { name: string; initial?: number | string; nonNegative?: boolean }): Stock;
    Flow(from: Stock | null, to: Stock | null, config: { name: string; rate: number | string; nonNegative?: boolean }): Flow;
    Variable(config: { name: string; value: number | string }): Variable;
    Converter(config: { name: string; input: 'Time' | Primitive; interpolation: 'Discrete' | 'Linear'; values: { x: number; y: number }[] }): Converter;
    Link(from: Primitive, to: Primitive): Primitive;
    simulate(): Results;
  }
}
