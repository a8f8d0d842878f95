// Loaded first, as a classic script from 'self' (allowed by the page's policy): records every
// `securitypolicyviolation` of this document, and the names of the Trusted Types policies the code
// under test creates (so the docs can say which `trusted-types` names a site must allow).
(function () {
  var violations = [];
  var policies = [];
  window.cspViolations = violations;
  window.trustedTypePolicies = policies;
  document.addEventListener('securitypolicyviolation', function (e) {
    violations.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      source: e.sourceFile,
      line: e.lineNumber,
      disposition: e.disposition,
    });
  });
  var factory = window.trustedTypes;
  if (factory && typeof factory.createPolicy === 'function') {
    var create = factory.createPolicy.bind(factory);
    factory.createPolicy = function (name, rules) {
      policies.push(name);
      return create(name, rules);
    };
  }
})();
