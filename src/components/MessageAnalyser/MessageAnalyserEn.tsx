// The analyser with its English text: the island an English page loads (it
// bundles only ./strings.en.ts).
import { MessageAnalyser, type MessageAnalyserProps } from './MessageAnalyser';
import { MESSAGE_STRINGS_EN } from './strings.en';

// The bounce sentences in this language, fetched when the analyser is.
const bounceTexts = () => import('~/core/message/bounce.en').then((m) => m.BOUNCE_TEXTS_EN);

export default function MessageAnalyserEn(props: MessageAnalyserProps) {
  return <MessageAnalyser {...props} t={MESSAGE_STRINGS_EN} bounceTexts={bounceTexts} />;
}
