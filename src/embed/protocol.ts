/** The one message that crosses from the embedded app to its host page: the content's height, nothing else. */
export const HEIGHT_MESSAGE = 'recourssup:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  height: number;
}
