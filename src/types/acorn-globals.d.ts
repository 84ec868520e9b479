declare module 'acorn-globals' {
  import type { Node } from 'acorn';
  /** Every free variable of a program, with the nodes that reference it. */
  export default function detect(source: string | Node, options?: object): { name: string; nodes: Node[] }[];
}
