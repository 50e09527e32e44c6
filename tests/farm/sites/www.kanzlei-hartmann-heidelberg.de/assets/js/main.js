/* bundled script */
(function(){"use strict";})();
