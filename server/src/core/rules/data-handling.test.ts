import { assertDisclose, assertFlags, assertNotCategory } from './testing';

describe('rule data-handling', () => {
  it('flags production material going into tools that may keep or train on it', () => {
    assertFlags('Paste the shooting script into a free chatbot for a breakdown', ['data-handling']);
    assertFlags('Upload the dailies to a public AI upscaler', ['data-handling']);
    assertFlags('GenAI: run the rough cut through an online AI tool that keeps uploads for training', ['data-handling']);
  });

  it('accepts enterprise-secured environments and cleared tools', () => {
    assertDisclose('AI upscale of our own plates in the studio\'s enterprise environment, temp');
    assertNotCategory('Paste the script into Claude for a scene breakdown', 'data-handling', { clearedTools: ['Claude'] });
  });
});
