/** Loading and error states of an API call; a 401 asks for the server's token. */
import { useState } from 'preact/hooks';
import { setToken, type Loaded } from '../api';

export function Status({ state }: { state: Loaded<unknown> }) {
  if (state.error?.status === 401) return <TokenForm />;
  if (state.error)
    return (
      <p class="error" role="alert">
        {state.error.message}
      </p>
    );
  if (state.loading && !state.data)
    return (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  return null;
}

function TokenForm() {
  const [value, setValue] = useState('');
  return (
    <form
      class="token"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(value.trim());
        location.reload();
      }}
    >
      <p role="alert">This server needs its access token (ATTACHE_TOKEN).</p>
      <label>
        Token <input type="password" value={value} onInput={(e) => setValue(e.currentTarget.value)} autoComplete="off" required />
      </label>
      <button type="submit">Use token</button>
    </form>
  );
}
