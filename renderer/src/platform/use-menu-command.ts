import { useEffect, useRef } from 'react';
import { getPlatform } from './get-platform';
import type { MenuCommand, MenuCommandType } from './platform';

/**
 * Run `handler` whenever the menu command `type` is chosen (native menu in Electron, its
 * keyboard shortcut in the browser) while the calling component is mounted. The latest
 * handler is always used, so it may close over current state without re-subscribing.
 */
export function useMenuCommand<T extends MenuCommandType>(type: T, handler: (command: Extract<MenuCommand, { type: T }>) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () =>
      getPlatform().onMenuCommand((command) => {
        if (command.type === type) latest.current(command as Extract<MenuCommand, { type: T }>);
      }),
    [type],
  );
}
