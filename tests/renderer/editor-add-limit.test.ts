import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SCENARIO_LIMITS } from '../../engine';
import { AddButton } from '../../renderer/src/views/editor/add-button';

const render = (count: number) =>
  renderToStaticMarkup(createElement(AddButton, { count, max: SCENARIO_LIMITS.events, noun: 'events', onAdd: () => undefined, children: '+ Add event' }));

describe('Editor: an add button stops at the format\'s limit and says why', () => {
  it('adds freely below the limit, with no note', () => {
    const html = render(SCENARIO_LIMITS.events - 1);
    expect(html).toBe('<button type="button">+ Add event</button>');
  });

  it('is disabled at the limit, described by a note that names the limit', () => {
    const html = render(SCENARIO_LIMITS.events);
    const m = /^<button type="button" disabled="" aria-describedby="([^"]+)">\+ Add event<\/button><span class="muted" id="([^"]+)"[^>]*>(.*)<\/span>$/.exec(html);
    expect(m, html).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    expect(m![3]).toBe(`A scenario holds at most ${SCENARIO_LIMITS.events} events: remove one to add another.`);
  });
});
