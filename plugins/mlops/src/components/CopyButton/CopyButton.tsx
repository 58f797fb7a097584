import { useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import FileCopyOutlined from '@material-ui/icons/FileCopyOutlined';

const MESSAGES = {
  copied: 'Copied',
  failed: 'The browser refused to copy; select the text instead',
};

/**
 * Copies a text with the browser's clipboard API (no library, no request)
 * and says whether it worked.
 */
export function CopyButton(props: { text: string; label: string }) {
  const [result, setResult] = useState<'copied' | 'failed'>();
  const copy = async () => {
    try {
      await window.navigator.clipboard.writeText(props.text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <Tooltip
      title={result ? MESSAGES[result] : props.label}
      onClose={() => setResult(undefined)}
    >
      <IconButton aria-label={props.label} size="small" onClick={copy}>
        <FileCopyOutlined fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
