// Placeholder while the pipeline is built (issue 3); replaced by the real handler.
export const handler = async (): Promise<never> => {
  throw new Error('not implemented yet');
};
