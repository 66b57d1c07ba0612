package main

import (
	"fmt"
	"net/http"
	"io"
)

func main() {

	url := "{{authPath}}/{{envID}}/as/signoff?id_token_hint={{idToken}}&post_logout_redirect_uri=https%3A%2F%2Fexample.com%2Flogged-out%3Ffrom%3Dapp%26lang%3Den&state=xyz%20123"
	method := "GET"

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, nil)

	if err != nil {
		fmt.Println(err)
		return
	}

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
