/**
 * The words and keys a page needs to show any pair of compared groups (src/core/indicators/compared-groups.ts): table
 * headings ("White", "Ethnic minority"; "Non-disabled", "Disabled"), the same in a sentence ("ethnic minority",
 * "non-disabled"), and the keys under which figures keep each group's counts.
 */
import { capitalised, type ComparedGroups } from '../../core/indicators/compared-groups.ts';

export interface ComparedWords {
  readonly reference: string;
  readonly focus: string;
  readonly referenceInSentence: string;
  readonly focusInSentence: string;
  readonly referenceKey: string;
  readonly focusKey: string;
}

export function comparedWords<C extends string>(groups: ComparedGroups<C>): ComparedWords {
  return {
    reference: capitalised(groups, groups.reference),
    focus: capitalised(groups, groups.focus),
    referenceInSentence: groups.adjective(groups.reference),
    focusInSentence: groups.adjective(groups.focus),
    referenceKey: groups.reference,
    focusKey: groups.focus,
  };
}
