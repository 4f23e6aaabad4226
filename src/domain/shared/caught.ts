/** For the rules' tests: the AppError a call throws (any other error is thrown on; no error fails). */
import { AppError } from './errors.ts';

export function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}
