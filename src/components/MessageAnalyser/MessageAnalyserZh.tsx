// The analyser with its Chinese text: the island a Chinese page loads (it
// bundles only ./strings.zh.ts).
import { MessageAnalyser, type MessageAnalyserProps } from './MessageAnalyser';
import { MESSAGE_STRINGS_ZH } from './strings.zh';

// The bounce sentences in this language, fetched when the analyser is.
const bounceTexts = () => import('~/core/message/bounce.zh').then((m) => m.BOUNCE_TEXTS_ZH);

export default function MessageAnalyserZh(props: MessageAnalyserProps) {
  return <MessageAnalyser {...props} t={MESSAGE_STRINGS_ZH} bounceTexts={bounceTexts} />;
}
