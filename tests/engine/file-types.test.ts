import { describe, expect, it } from 'vitest';
import { DOCUMENT_EXTENSIONS, documentKindOfName, openableExtensions, withDocumentExtension } from '../../engine';

describe('Momentum file types', () => {
  it('names scenarios .momentum and runs .momentum-run', () => {
    expect(DOCUMENT_EXTENSIONS).toEqual({ scenario: '.momentum', run: '.momentum-run' });
  });

  it('opens a kind from its own extension and from .json', () => {
    expect(openableExtensions('scenario')).toEqual(['momentum', 'json']);
    expect(openableExtensions('run')).toEqual(['momentum-run', 'json']);
  });

  it('tells the kind from a file name, case ignored, and leaves .json undecided', () => {
    expect(documentKindOfName('/a/Plan.MOMENTUM')).toBe('scenario');
    expect(documentKindOfName('C:\\runs\\b.momentum-run')).toBe('run');
    expect(documentKindOfName('old.json')).toBeNull();
    expect(documentKindOfName('notes.txt')).toBeNull();
  });

  it('gives a name the kind\'s own extension, replacing .json, .run.json or the other kind\'s', () => {
    expect(withDocumentExtension('plan', 'scenario')).toBe('plan.momentum');
    expect(withDocumentExtension('plan.json', 'scenario')).toBe('plan.momentum');
    expect(withDocumentExtension('b.run.json', 'run')).toBe('b.momentum-run');
    expect(withDocumentExtension('b.momentum', 'run')).toBe('b.momentum-run');
    expect(withDocumentExtension('b.momentum-run', 'run')).toBe('b.momentum-run');
    expect(withDocumentExtension('v1.2 plan', 'scenario')).toBe('v1.2 plan.momentum');
  });
});
