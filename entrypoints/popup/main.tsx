import { render } from 'preact';
import { browser } from 'wxt/browser';
import { GLOSSARY, entryById } from '../../glossary/index';
import { PopupApp } from '../../components/popup/PopupApp';
import { readPopupParams } from '../../components/popup/params';
import { startingLang } from '../../components/i18n';
import './style.css';

/** Opened as a tab ("Open in glossary"), the fixed popup size would hug the top-left corner; CSS centres it instead. */
async function markTabContext(): Promise<void> {
  if (await browser.tabs.getCurrent()) document.documentElement.dataset.context = 'tab';
}

const root = document.getElementById('app');
if (!root) throw new Error('popup.html lost its #app element');
void markTabContext();
void startingLang().then((lang) =>
  render(
    <PopupApp entries={GLOSSARY} lookup={entryById} params={readPopupParams(location.search)} startingLang={lang} />,
    root,
  ),
);
