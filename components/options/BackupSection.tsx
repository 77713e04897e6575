import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { saveNewerSettings, saveSettings } from '../../utils/settings-store';
import { useMessages, type Messages } from '../i18n';
import {
  downloadText,
  readSettingsFile,
  SETTINGS_FILE_NAME,
  settingsFileText,
  type FileProblem,
} from './settings-file';

type Message = { kind: 'done'; text: string } | { kind: 'refused'; text: string } | null;

/** Why a file was refused, in words. Field names stay as the file spells them: they are what the person will look for. */
function fileProblemText({ t }: Messages, problem: FileProblem): string {
  switch (problem.kind) {
    case 'not-json':
      return t('importNotJson');
    case 'not-settings':
      return t('importNotSettings');
    case 'newer-unknown':
      return t('importNewerUnknown', problem.version);
    case 'unknown-fields':
      return t('importUnknownFields', problem.fields.join(', '));
    case 'bad-value':
      return t('importBadValue', problem.field);
    case 'too-large':
      return t('importTooLarge');
    case 'unreadable':
      return t('importUnreadable');
  }
}

function ImportFile({ onMessage }: { onMessage: (m: Message) => void }) {
  const messages = useMessages();
  const { t } = messages;
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so choosing the same file again (after fixing it) fires another change.
    input.value = '';
    if (!file) return;
    const result = await readSettingsFile(file);
    if (!result.ok) {
      onMessage({ kind: 'refused', text: t('importRefused', file.name, fileProblemText(messages, result.problem)) });
      return;
    }
    const saved = result.newer ? await saveNewerSettings(result.newer.stored) : await saveSettings(result.settings);
    if (!saved) {
      onMessage({ kind: 'refused', text: t('importNotSaved', file.name) });
      return;
    }
    onMessage({
      kind: 'done',
      text: result.newer ? t('importedNewer', file.name, result.newer.version) : t('imported', file.name),
    });
  };
  return (
    <div class="field">
      <label for="import-file" class="file-label">
        {t('importSettings')}
      </label>
      <input
        id="import-file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => void choose(e.currentTarget)}
      />
    </div>
  );
}

function ConfirmReset({ onAnswer }: { onAnswer: (reset: boolean) => void }) {
  const { t } = useMessages();
  const yes = useRef<HTMLButtonElement>(null);
  // Focus goes to the answer so the question is read out and can be answered from the keyboard at once.
  useEffect(() => yes.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-labelledby="reset-question">
      <p id="reset-question">{t('resetQuestion')}</p>
      <div class="inline">
        <button type="button" class="button danger" ref={yes} onClick={() => onAnswer(true)}>
          {t('resetConfirm')}
        </button>
        <button type="button" class="button subtle" onClick={() => onAnswer(false)}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

function ResetToDefaults({ onMessage }: { onMessage: (m: Message) => void }) {
  const { t } = useMessages();
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const answer = async (reset: boolean) => {
    setConfirming(false);
    if (reset) {
      if (await saveSettings({ ...DEFAULT_SETTINGS })) onMessage({ kind: 'done', text: t('resetDone') });
    }
  };
  // After an answer, focus returns to the button that asked (not on first render).
  useEffect(() => {
    if (!confirming && wasConfirming.current) opener.current?.focus({ preventScroll: true });
    wasConfirming.current = confirming;
  }, [confirming]);
  return confirming ? (
    <ConfirmReset onAnswer={(reset) => void answer(reset)} />
  ) : (
    <button type="button" class="button subtle" ref={opener} onClick={() => setConfirming(true)}>
      {t('resetButton')}
    </button>
  );
}

/** Export, import and reset. */
export function BackupSection({ settings }: { settings: Settings }) {
  const { t } = useMessages();
  const [message, setMessage] = useState<Message>(null);
  return (
    <section aria-labelledby="backup-heading" class="card">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p class="hint">{t('backupHint')}</p>
      <div class="inline wrap">
        <button
          type="button"
          class="button"
          onClick={() => downloadText(SETTINGS_FILE_NAME, settingsFileText(settings))}
        >
          {t('exportSettings')}
        </button>
        <ResetToDefaults onMessage={setMessage} />
      </div>
      <ImportFile onMessage={setMessage} />
      {/* Both regions are always present so screen readers are listening before a message arrives. */}
      <div role="alert" class={message?.kind === 'refused' ? 'problem-box' : undefined}>
        {message?.kind === 'refused' ? message.text : ''}
      </div>
      <div role="status" class={message?.kind === 'done' ? 'done-box' : undefined}>
        {message?.kind === 'done' ? message.text : ''}
      </div>
    </section>
  );
}
