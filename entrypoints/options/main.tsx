import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { startingLang } from '../../components/i18n';
import './style.css';

const root = document.getElementById('app');
if (!root) throw new Error('options.html lost its #app element');
void startingLang().then((lang) => render(<OptionsApp startingLang={lang} />, root));
