import { css } from 'lit';

/**
 * Mobile first (works at 320 px), dark mode from `prefers-color-scheme`, no motion when the user
 * asks for less. Every colour and radius goes through a custom property an integrator can set.
 */
export const styles = css`
  :host {
    --faceid-accent: #0052d9;
    --faceid-accent-contrast: #ffffff;
    --faceid-fg: #1d2129;
    --faceid-muted: #4e5969;
    --faceid-bg: #ffffff;
    --faceid-surface: #f2f3f5;
    --faceid-success: #00a870;
    --faceid-warning: #c66b00;
    --faceid-error: #d54941;
    --faceid-radius: 12px;
    --faceid-font: system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans Thai', sans-serif;

    display: block;
    box-sizing: border-box;
    min-width: 0;
    color: var(--faceid-fg);
    font-family: var(--faceid-font);
    line-height: 1.5;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --faceid-accent: #4d8cff;
      --faceid-accent-contrast: #0b1220;
      --faceid-fg: #e5e6eb;
      --faceid-muted: #a9aeb8;
      --faceid-bg: #17171a;
      --faceid-surface: #232324;
      --faceid-success: #3ecf8e;
      --faceid-warning: #f0a03c;
      --faceid-error: #f76560;
    }
  }

  :host([hidden]) {
    display: none;
  }

  [part='base'] {
    background: var(--faceid-bg);
    border-radius: var(--faceid-radius);
    padding: 1rem;
  }

  [part='message'] {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    border-left: 4px solid var(--faceid-muted);
    padding: 0.5rem 0 0.5rem 0.75rem;
  }

  [part='message'][data-tone='success'] {
    border-color: var(--faceid-success);
  }
  [part='message'][data-tone='warning'] {
    border-color: var(--faceid-warning);
  }
  [part='message'][data-tone='error'] {
    border-color: var(--faceid-error);
  }

  [part='title'] {
    margin: 0;
    font-size: 1.0625rem;
    font-weight: 600;
  }

  [part='detail'] {
    margin: 0.25rem 0 0;
    color: var(--faceid-muted);
    overflow-wrap: anywhere;
  }

  [part='spinner'] {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.125rem;
    border: 2px solid var(--faceid-surface);
    border-top-color: var(--faceid-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part='spinner'] {
      animation: none;
      border-color: var(--faceid-accent);
    }
  }

  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 1rem;
  }

  button {
    flex: 1 1 12rem;
    min-height: 44px; /* a thumb-sized target */
    padding: 0.625rem 1rem;
    border: 0;
    border-radius: calc(var(--faceid-radius) * 0.75);
    background: var(--faceid-accent);
    color: var(--faceid-accent-contrast);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  button:focus-visible {
    outline: 3px solid var(--faceid-accent);
    outline-offset: 2px;
  }

  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  [part='reasons'] {
    margin-top: 0.75rem;
    color: var(--faceid-muted);
    font-size: 0.875rem;
  }

  [part='reasons'] ul {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
`;
