// Three things the policy forbids, each caught so the page carries on: an HTML string into a DOM
// sink without Trusted Types, an inline <style>, and eval.
(function () {
  var outcomes = {};
  try {
    document.createElement('div').innerHTML = '<b>not trusted</b>';
    outcomes.innerHTML = 'allowed';
  } catch (e) {
    outcomes.innerHTML = 'blocked: ' + e.name;
  }
  var style = document.createElement('style');
  style.textContent = 'body { color: red }';
  document.head.appendChild(style);
  outcomes.inlineStyle = style.sheet ? 'applied' : 'blocked';
  try {
    outcomes.eval = String((0, eval)('1 + 1'));
  } catch (e) {
    outcomes.eval = 'blocked: ' + e.name;
  }
  window.cspControl = outcomes;
})();
