/**
 * Print a standalone HTML document (the board pack) without leaving the app: it is loaded into a
 * hidden frame and that frame's print dialog opens, where "Save as PDF" makes the PDF. The pack's
 * own print stylesheet does the layout.
 */
export function printHtml(html: string, what: { readonly id: string; readonly title: string } = { id: 'board-pack', title: 'Board pack print view' }): Promise<void> {
  document.querySelectorAll('iframe[data-print-view]').forEach((f) => f.remove());
  const frame = document.createElement('iframe');
  frame.setAttribute('data-print-view', what.id);
  frame.title = what.title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
  return new Promise((resolve, reject) => {
    frame.addEventListener('load', () => {
      const win = frame.contentWindow;
      if (!win) {
        reject(new Error('The print view could not be opened.'));
        return;
      }
      win.focus();
      win.print();
      resolve();
    });
    frame.srcdoc = html;
    document.body.append(frame);
  });
}
