import { render } from 'preact';
render(<main><h1>TermLens</h1></main>, document.getElementById('app')!);
