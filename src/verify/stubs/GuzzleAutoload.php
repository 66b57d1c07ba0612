<?php
// snipgen verify: the reader's Composer autoloader, here Debian's php-guzzlehttp-guzzle.
require '/usr/share/php/GuzzleHttp/autoload.php';
