import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { saveNewerSettings, saveSettings } from '../../utils/settings-store';
import { downloadText, readSettingsFile, SETTINGS_FILE_NAME, settingsFileText } from './settings-file';

type Message = { kind: 'done'; text: string } | { kind: 'refused'; text: string } | null;

function ImportFile({ onMessage }: { onMessage: (m: Message) => void }) {
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so choosing the same file again (after fixing it) fires another change.
    input.value = '';
    if (!file) return;
    const result = await readSettingsFile(file);
    if (!result.ok) {
      onMessage({
        kind: 'refused',
        text: `“${file.name}” was not imported: ${result.error} Your settings did not change.`,
      });
      return;
    }
    const saved = result.newer ? await saveNewerSettings(result.newer.stored) : await saveSettings(result.settings);
    if (!saved) {
      onMessage({ kind: 'refused', text: `“${file.name}” could not be saved.` });
      return;
    }
    onMessage({
      kind: 'done',
      text: result.newer
        ? `Settings imported from “${file.name}”, made by a newer TermLens (settings version ${result.newer.version}): this version applied what it understands and kept the rest for when you update.`
        : `Settings imported from “${file.name}”.`,
    });
  };
  return (
    <div class="field">
      <label for="import-file" class="file-label">
        Import settings from a file
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
  const yes = useRef<HTMLButtonElement>(null);
  // Focus goes to the answer so the question is read out and can be answered from the keyboard at once.
  useEffect(() => yes.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-labelledby="reset-question">
      <p id="reset-question">Reset every option and turn highlighting back on for all sites?</p>
      <div class="inline">
        <button type="button" class="button danger" ref={yes} onClick={() => onAnswer(true)}>
          Reset everything
        </button>
        <button type="button" class="button subtle" onClick={() => onAnswer(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ResetToDefaults({ onMessage }: { onMessage: (m: Message) => void }) {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const answer = async (reset: boolean) => {
    setConfirming(false);
    if (reset) {
      if (await saveSettings({ ...DEFAULT_SETTINGS })) onMessage({ kind: 'done', text: 'Settings reset to defaults.' });
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
      Reset to defaults…
    </button>
  );
}

/** Export, import and reset. */
export function BackupSection({ settings }: { settings: Settings }) {
  const [message, setMessage] = useState<Message>(null);
  return (
    <section aria-labelledby="backup-heading" class="card">
      <h2 id="backup-heading">Back up and restore</h2>
      <p class="hint">Settings stay in this browser. Export them to keep a copy or to move them to another browser.</p>
      <div class="inline wrap">
        <button
          type="button"
          class="button"
          onClick={() => downloadText(SETTINGS_FILE_NAME, settingsFileText(settings))}
        >
          Export settings
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
