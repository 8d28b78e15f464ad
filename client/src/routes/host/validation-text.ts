import type { z } from 'zod';
import type { MessageId, Translate } from '../../i18n/i18n-context.ts';

/** The shared quiz schema's own sentences (shared/src/quiz/quiz-schema.ts), by their English text. */
const SCHEMA_MESSAGES: Record<string, MessageId> = {
  'must name one of the options': 'validation.correctOption',
  'must name options that exist': 'validation.correctExist',
  'must not repeat an option': 'validation.correctRepeat',
  'must be greater than min': 'validation.maxAboveMin',
  'must lie between min and max': 'validation.correctInRange',
  'too many steps between min and max': 'validation.tooManySteps',
  'must be an http(s) URL': 'validation.url',
  'at least one correct option': 'validation.oneCorrect',
  'at least one accepted answer': 'validation.oneAccepted',
};

/**
 * A sentence a teacher understands for one validation issue of the quiz schema, in the
 * editor's language: built from the issue's code and limits, not from zod's English text.
 */
export function validationText(t: Translate, issue: z.core.$ZodIssue): string {
  const known = SCHEMA_MESSAGES[issue.message];
  if (known) return t(known);
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? t('validation.required') : t('validation.number');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('validation.empty') : t('validation.minChars', { min });
      if (issue.origin === 'array') return t('validation.minItems', { min });
      return issue.inclusive === false ? t('validation.moreThan', { min }) : t('validation.atLeast', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.maxChars', { max });
      if (issue.origin === 'array') return t('validation.maxItems', { max });
      return issue.inclusive === false ? t('validation.lessThan', { max }) : t('validation.atMost', { max });
    }
    case 'invalid_format':
      return t('validation.url');
    case 'not_multiple_of':
      return t('validation.whole');
    default:
      return t('validation.invalid');
  }
}
